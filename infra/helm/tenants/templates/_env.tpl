{{- define "tenants.env" -}}
{{ include "airtix-common.springEnv" . }}
{{ include "airtix-common.rabbitmqEnv" . }}
{{- /* Keycloak's admin API, inside the cluster */}}
- name: AIRTIX_TENANTS_KEYCLOAK_SERVER_URL
  value: {{ printf "http://%s:8080" (include "airtix-common.componentName" (list . "keycloak")) | quote }}
- name: AIRTIX_TENANTS_KEYCLOAK_CLIENT_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ .Values.existingSecret }}
      key: {{ .Values.clientSecretKey }}
{{- end -}}
