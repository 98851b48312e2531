{{- define "payments.env" -}}
{{ include "airtix-common.springEnv" . }}
{{ include "airtix-common.postgresqlEnv" . }}
{{ include "airtix-common.rabbitmqEnv" . }}
- name: AIRTIX_PAYMENTS_PROVIDER
  value: {{ .Values.provider | quote }}
{{- /* optional: simulated payments need no keys; with provider stripe the service refuses to start without them */}}
- name: STRIPE_API_KEY
  valueFrom:
    secretKeyRef:
      name: {{ .Values.existingSecret }}
      key: {{ .Values.stripe.apiKeyKey }}
      optional: true
- name: STRIPE_WEBHOOK_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ .Values.existingSecret }}
      key: {{ .Values.stripe.webhookSecretKey }}
      optional: true
{{- end -}}
