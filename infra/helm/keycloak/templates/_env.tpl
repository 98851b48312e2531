{{- define "keycloak.env" -}}
{{- $g := include "airtix-common.global" . | fromYaml -}}
- name: KC_DB_URL
  value: {{ printf "jdbc:postgresql://%s:%v/%s" $g.postgresql.host $g.postgresql.port .Values.database.name | quote }}
- name: KC_DB_USERNAME
  value: {{ .Values.database.username | quote }}
- name: KC_DB_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .Values.existingSecret }}
      key: {{ .Values.database.passwordKey }}
# the public address: tokens name it as their issuer, whichever way a request came in
- name: KC_HOSTNAME
  value: {{ trimSuffix "/" $g.identity.publicUrl | quote }}
# TLS ends at the ingress controller, which says so in X-Forwarded-*
- name: KC_PROXY_HEADERS
  value: xforwarded
- name: KC_HTTP_ENABLED
  value: "true"
- name: KC_BOOTSTRAP_ADMIN_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ .Values.existingSecret }}
      key: {{ .Values.admin.usernameKey }}
- name: KC_BOOTSTRAP_ADMIN_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .Values.existingSecret }}
      key: {{ .Values.admin.passwordKey }}
# the realm's own settings, read at its first import (keycloak/realm-export.json)
- name: AIRTIX_TENANTS_KEYCLOAK_CLIENT_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ .Values.existingSecret }}
      key: {{ .Values.tenantsClientSecretKey }}
- name: AIRTIX_PUBLIC_URL
  value: {{ trimSuffix "/" $g.publicUrl | quote }}
- name: AIRTIX_SMTP_HOST
  value: {{ .Values.smtp.host | quote }}
- name: AIRTIX_SMTP_PORT
  value: {{ .Values.smtp.port | quote }}
- name: AIRTIX_SMTP_STARTTLS
  value: {{ .Values.smtp.starttls | quote }}
- name: AIRTIX_SMTP_AUTH
  value: {{ .Values.smtp.auth | quote }}
- name: AIRTIX_MAIL_FROM
  value: {{ .Values.smtp.from | quote }}
- name: AIRTIX_SMTP_USER
  valueFrom:
    secretKeyRef:
      name: {{ .Values.existingSecret }}
      key: {{ .Values.smtp.userKey }}
      optional: true
- name: AIRTIX_SMTP_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .Values.existingSecret }}
      key: {{ .Values.smtp.passwordKey }}
      optional: true
- name: KC_SPI_EVENTS_LISTENER__AIRTIX__BROKER_HOST
  value: {{ $g.rabbitmq.host | quote }}
- name: KC_SPI_EVENTS_LISTENER__AIRTIX__BROKER_PORT
  value: {{ $g.rabbitmq.port | quote }}
- name: KC_SPI_EVENTS_LISTENER__AIRTIX__BROKER_USERNAME
  value: {{ .Values.broker.username | quote }}
- name: KC_SPI_EVENTS_LISTENER__AIRTIX__BROKER_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .Values.existingSecret }}
      key: {{ .Values.broker.passwordKey }}
{{- end -}}
