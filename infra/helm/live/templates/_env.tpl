{{- define "live.env" -}}
{{ include "airtix-common.springEnv" . }}
{{ include "airtix-common.rabbitmqEnv" . }}
{{/* the deny-list */}}
{{ include "airtix-common.redisEnv" . }}
- name: LIVE_PASS_KEY
  valueFrom:
    secretKeyRef:
      name: {{ .Values.existingSecret }}
      key: {{ .Values.passKeyKey }}
{{- /* the public catalogue, for a ticket the service has seen no event of */}}
- name: AIRTIX_LIVE_TICKETS
  value: {{ printf "http://%s:8081" (include "airtix-common.componentName" (list . "tickets")) | quote }}
{{- end -}}
