{{- define "gateway.env" -}}
{{- $g := include "airtix-common.global" . | fromYaml -}}
- name: SPRING_PROFILES_ACTIVE
  value: distributed
# actuator answers on the loopback interface by default (decision 0031): kubelet's probes and Prometheus come from
# outside the pod, and the NetworkPolicy decides who reaches the port instead
- name: MANAGEMENT_SERVER_ADDRESS
  value: 0.0.0.0
# the liveness and readiness groups, whether or not Spring Boot recognises the platform
- name: MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED
  value: "true"
{{- range $name, $port := dict "tickets" 8081 "orders" 8082 "payments" 8084 "tenants" 8085 "live" 8086 }}
- name: AIRTIX_GATEWAY_SERVICES_{{ upper $name }}
  value: {{ printf "http://%s:%d" (include "airtix-common.componentName" (list $ $name)) $port | quote }}
{{- end }}
{{- range $name, $port := dict "tickets" 9081 "orders" 9082 "payments" 9084 "tenants" 9085 }}
- name: AIRTIX_GATEWAY_APIDOCS_{{ upper $name }}
  value: {{ printf "http://%s:%d/actuator/openapi" (include "airtix-common.componentName" (list $ $name)) $port | quote }}
{{- end }}
# the only origin whose pages may open a WebSocket through the gateway
- name: AIRTIX_GATEWAY_ALLOWEDORIGINS_0
  value: {{ trimSuffix "/" $g.publicUrl | quote }}
- name: AIRTIX_GATEWAY_WEBAPPS_IDENTITYPROVIDER
  value: {{ trimSuffix "/" $g.identity.publicUrl | quote }}
- name: AIRTIX_GATEWAY_WEBAPPS_REALM
  value: {{ $g.identity.realm | quote }}
- name: STRIPE_PUBLISHABLE_KEY
  value: {{ .Values.stripePublishableKey | quote }}
{{- end -}}
