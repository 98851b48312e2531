{{- define "orders.env" -}}
{{ include "airtix-common.springEnv" . }}
{{ include "airtix-common.postgresqlEnv" . }}
{{ include "airtix-common.rabbitmqEnv" . }}
{{/* the rate limits' buckets, shared by every replica */}}
{{ include "airtix-common.redisEnv" . }}
{{- end -}}
