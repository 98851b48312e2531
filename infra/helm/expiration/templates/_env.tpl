{{- define "expiration.env" -}}
{{ include "airtix-common.springEnv" . }}
{{ include "airtix-common.postgresqlEnv" . }}
{{ include "airtix-common.rabbitmqEnv" . }}
{{/* the index of deadlines, shared by every replica */}}
{{ include "airtix-common.redisEnv" . }}
{{- end -}}
