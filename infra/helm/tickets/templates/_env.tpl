{{- define "tickets.env" -}}
{{ include "airtix-common.springEnv" . }}
{{ include "airtix-common.postgresqlEnv" . }}
{{ include "airtix-common.rabbitmqEnv" . }}
{{- end -}}
