{{/*
What every Airtix chart shares. A component is addressed by "<release>-<chart name>", so that the gateway, the live
service and the tenants service find the others by name alone, whether installed through the umbrella or one by one.
*/}}

{{- define "airtix-common.fullname" -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The Service name of another component of the same release: (list $ "tickets") */}}
{{- define "airtix-common.componentName" -}}
{{- $root := index . 0 -}}
{{- printf "%s-%s" $root.Release.Name (index . 1) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "airtix-common.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "airtix-common.labels" -}}
{{ include "airtix-common.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/part-of: airtix
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{/*
The settings every component shares, under "global" so that the umbrella sets them once. The defaults live here,
once, rather than in eight values files; a chart installed alone takes the same "global" values.
*/}}
{{- define "airtix-common.globalDefaults" -}}
image:
  registry: ""
  prefix: airtix
  tag: ""
  pullPolicy: IfNotPresent
  pullSecrets: []
publicUrl: https://airtix.example.com
identity:
  publicUrl: https://id.airtix.example.com
  realm: airtix
postgresql:
  host: postgresql
  port: 5432
rabbitmq:
  host: rabbitmq
  port: 5672
redis:
  host: redis
  port: 6379
networkPolicy:
  enabled: true
  dns:
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: kube-system
      podSelector:
        matchLabels:
          k8s-app: kube-dns
  ingressController:
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: ingress-nginx
  prometheus:
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: monitoring
  postgresql: &private
    - ipBlock:
        cidr: 10.0.0.0/8
    - ipBlock:
        cidr: 172.16.0.0/12
    - ipBlock:
        cidr: 192.168.0.0/16
  rabbitmq: *private
  redis: *private
  identity:
    peers: []
    ports: [80, 443]
  otlp:
    peers: []
    ports: [4317, 4318]
{{- end -}}

{{- define "airtix-common.global" -}}
{{- $defaults := include "airtix-common.globalDefaults" . | fromYaml -}}
{{- $given := get .Values "global" | default dict | deepCopy -}}
{{- toYaml (mergeOverwrite $defaults $given) -}}
{{- end -}}

{{- define "airtix-common.image" -}}
{{- $g := include "airtix-common.global" . | fromYaml -}}
{{- $tag := .Values.image.tag | default $g.image.tag | default .Chart.AppVersion -}}
{{- with $g.image.registry }}{{ . }}/{{ end }}{{ $g.image.prefix }}/{{ .Values.image.name }}:{{ $tag }}
{{- end -}}

{{/* The issuer of access tokens: Keycloak's public address, as the tokens name it */}}
{{- define "airtix-common.issuerUri" -}}
{{- $g := include "airtix-common.global" . | fromYaml -}}
{{- printf "%s/realms/%s" (trimSuffix "/" $g.identity.publicUrl) $g.identity.realm -}}
{{- end -}}

{{/* The environment every Spring service shares */}}
{{- define "airtix-common.springEnv" -}}
- name: SPRING_PROFILES_ACTIVE
  value: distributed
# actuator answers on the loopback interface by default (decision 0031): kubelet's probes and Prometheus come from
# outside the pod, and the NetworkPolicy decides who reaches the port instead
- name: MANAGEMENT_SERVER_ADDRESS
  value: 0.0.0.0
# the liveness and readiness groups, whether or not Spring Boot recognises the platform
- name: MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED
  value: "true"
- name: AIRTIX_SECURITY_ISSUER_URI
  value: {{ include "airtix-common.issuerUri" . | quote }}
{{- $g := include "airtix-common.global" . | fromYaml }}
# the realm's keys from Keycloak's Service: the public address need not be reachable from inside the cluster
- name: AIRTIX_SECURITY_JWKSETURI
  value: {{ printf "http://%s:8080/realms/%s/protocol/openid-connect/certs" (include "airtix-common.componentName" (list . "keycloak")) $g.identity.realm | quote }}
- name: AIRTIX_POLICIES_MODEL
  value: file:/etc/airtix/policies/model.conf
- name: AIRTIX_POLICIES_POLICY
  value: file:/etc/airtix/policies/policy.csv
{{- end -}}

{{- define "airtix-common.rabbitmqEnv" -}}
{{- $g := include "airtix-common.global" . | fromYaml -}}
- name: RABBITMQ_HOST
  value: {{ $g.rabbitmq.host | quote }}
- name: RABBITMQ_PORT
  value: {{ $g.rabbitmq.port | quote }}
- name: RABBITMQ_USERNAME
  value: {{ .Values.broker.username | quote }}
- name: RABBITMQ_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .Values.existingSecret }}
      key: {{ .Values.broker.passwordKey }}
{{- end -}}

{{- define "airtix-common.postgresqlEnv" -}}
{{- $g := include "airtix-common.global" . | fromYaml -}}
- name: POSTGRES_HOST
  value: {{ $g.postgresql.host | quote }}
- name: POSTGRES_PORT
  value: {{ $g.postgresql.port | quote }}
- name: POSTGRES_DB
  value: {{ .Values.database.name | quote }}
- name: POSTGRES_USER
  value: {{ .Values.database.username | quote }}
- name: POSTGRES_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .Values.existingSecret }}
      key: {{ .Values.database.passwordKey }}
{{- end -}}

{{- define "airtix-common.redisEnv" -}}
{{- $g := include "airtix-common.global" . | fromYaml -}}
- name: REDIS_HOST
  value: {{ $g.redis.host | quote }}
- name: REDIS_PORT
  value: {{ $g.redis.port | quote }}
{{- end -}}

{{/* The casbin model and policy: the copy of the repository's policies/ folder put into files/ before packaging */}}
{{- define "airtix-common.policiesData" -}}
{{- $missing := "is missing: package the chart with infra/helm/package.sh, which copies the repository's policies/" -}}
{{- /* as JSON strings: byte for byte what the files hold, final newline or not */}}
model.conf: {{ required (printf "files/policies/model.conf %s" $missing) (.Files.Get "files/policies/model.conf") | toJson }}
policy.csv: {{ required (printf "files/policies/policy.csv %s" $missing) (.Files.Get "files/policies/policy.csv") | toJson }}
{{- end -}}

{{- define "airtix-common.policiesConfigMap" -}}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "airtix-common.fullname" . }}-policies
  labels:
    {{- include "airtix-common.labels" . | nindent 4 }}
data:
  {{- include "airtix-common.policiesData" . | nindent 2 }}
{{- end -}}

{{- define "airtix-common.serviceAccount" -}}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ include "airtix-common.fullname" . }}
  labels:
    {{- include "airtix-common.labels" . | nindent 4 }}
# no component talks to the Kubernetes API
automountServiceAccountToken: false
{{- end -}}

{{- define "airtix-common.service" -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "airtix-common.fullname" . }}
  labels:
    {{- include "airtix-common.labels" . | nindent 4 }}
spec:
  type: ClusterIP
  selector:
    {{- include "airtix-common.selectorLabels" . | nindent 4 }}
  ports:
    - name: http
      port: {{ .Values.ports.http }}
      targetPort: http
    - name: management
      port: {{ .Values.ports.management }}
      targetPort: management
{{- end -}}

{{- define "airtix-common.deployment" -}}
{{- $g := include "airtix-common.global" . | fromYaml -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "airtix-common.fullname" . }}
  labels:
    {{- include "airtix-common.labels" . | nindent 4 }}
spec:
  {{- if not .Values.autoscaling.enabled }}
  replicas: {{ .Values.replicaCount }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "airtix-common.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "airtix-common.labels" . | nindent 8 }}
      annotations:
        prometheus.io/scrape: "true"
        prometheus.io/port: {{ .Values.ports.management | quote }}
        prometheus.io/path: {{ .Values.probes.metricsPath | quote }}
        {{- if .Values.policies }}
        # a change of rights restarts the pods: the policy is read once at start
        checksum/policies: {{ include "airtix-common.policiesData" . | sha256sum }}
        {{- end }}
        {{- with .Values.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      serviceAccountName: {{ include "airtix-common.fullname" . }}
      automountServiceAccountToken: false
      {{- with $g.image.pullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      securityContext:
        runAsNonRoot: true
        runAsUser: {{ .Values.securityContext.runAsUser }}
        runAsGroup: 0
        fsGroup: 0
        seccompProfile:
          type: RuntimeDefault
      terminationGracePeriodSeconds: {{ .Values.terminationGracePeriodSeconds }}
      containers:
        - name: {{ .Chart.Name }}
          image: {{ include "airtix-common.image" . | quote }}
          imagePullPolicy: {{ $g.image.pullPolicy }}
          securityContext:
            runAsNonRoot: true
            readOnlyRootFilesystem: true
            allowPrivilegeEscalation: false
            capabilities:
              drop: [ALL]
          ports:
            - name: http
              containerPort: {{ .Values.ports.http }}
            - name: management
              containerPort: {{ .Values.ports.management }}
          env:
            {{- include (printf "%s.env" .Chart.Name) . | nindent 12 }}
            {{- with .Values.extraEnv }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
          # the first start migrates the database and warms the JVM: liveness waits for it rather than guessing
          startupProbe:
            httpGet:
              path: {{ .Values.probes.startupPath }}
              port: management
            periodSeconds: 5
            failureThreshold: {{ .Values.probes.startupFailureThreshold }}
          readinessProbe:
            httpGet:
              path: {{ .Values.probes.readinessPath }}
              port: management
            periodSeconds: 10
            failureThreshold: 3
          livenessProbe:
            httpGet:
              path: {{ .Values.probes.livenessPath }}
              port: management
            periodSeconds: 10
            failureThreshold: 6
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
          volumeMounts:
            {{- range $i, $path := .Values.writablePaths }}
            - name: writable-{{ $i }}
              mountPath: {{ $path }}
            {{- end }}
            {{- if .Values.policies }}
            - name: policies
              mountPath: /etc/airtix/policies
              readOnly: true
            {{- end }}
      volumes:
        # the root file system is read-only: only these folders are writable, and they go with the pod
        {{- range $i, $path := .Values.writablePaths }}
        - name: writable-{{ $i }}
          emptyDir: {}
        {{- end }}
        {{- if .Values.policies }}
        - name: policies
          configMap:
            name: {{ include "airtix-common.fullname" . }}-policies
        {{- end }}
      topologySpreadConstraints:
        {{- if .Values.topologySpreadConstraints }}
        {{- toYaml .Values.topologySpreadConstraints | nindent 8 }}
        {{- else }}
        # replicas on different nodes and zones where the cluster has them, without refusing to schedule
        {{- range list "kubernetes.io/hostname" "topology.kubernetes.io/zone" }}
        - maxSkew: 1
          topologyKey: {{ . }}
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              {{- include "airtix-common.selectorLabels" $ | nindent 14 }}
        {{- end }}
        {{- end }}
      {{- with .Values.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .Values.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .Values.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
{{- end -}}

{{- define "airtix-common.hpa" -}}
{{- if .Values.autoscaling.enabled }}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "airtix-common.fullname" . }}
  labels:
    {{- include "airtix-common.labels" . | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "airtix-common.fullname" . }}
  minReplicas: {{ .Values.autoscaling.minReplicas }}
  maxReplicas: {{ .Values.autoscaling.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ .Values.autoscaling.targetCPUUtilizationPercentage }}
{{- end }}
{{- end -}}

{{- define "airtix-common.pdb" -}}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "airtix-common.fullname" . }}
  labels:
    {{- include "airtix-common.labels" . | nindent 4 }}
spec:
  # maxUnavailable rather than minAvailable: with one replica a drain still goes through
  maxUnavailable: {{ .Values.podDisruptionBudget.maxUnavailable }}
  selector:
    matchLabels:
      {{- include "airtix-common.selectorLabels" . | nindent 6 }}
{{- end -}}

{{/*
NetworkPolicy pieces. Each chart's networkpolicy.yaml lists what its component needs, one line each; a pod with a
policy for both directions admits nothing else.
*/}}

{{/* Ingress from another component of this release: (list $ "gateway" port...) */}}
{{- define "airtix-common.fromComponent" -}}
{{- $root := index . 0 -}}
- from:
    - podSelector:
        matchLabels:
          app.kubernetes.io/name: {{ index . 1 }}
          app.kubernetes.io/instance: {{ $root.Release.Name }}
  ports:
    {{- range (slice . 2) }}
    - protocol: TCP
      port: {{ . }}
    {{- end }}
{{- end -}}

{{/* Egress to another component of this release: (list $ "tickets" port...) */}}
{{- define "airtix-common.toComponent" -}}
{{- $root := index . 0 -}}
- to:
    - podSelector:
        matchLabels:
          app.kubernetes.io/name: {{ index . 1 }}
          app.kubernetes.io/instance: {{ $root.Release.Name }}
  ports:
    {{- range (slice . 2) }}
    - protocol: TCP
      port: {{ . }}
    {{- end }}
{{- end -}}

{{/* Ingress from the peers listed under global.networkPolicy.<name>: (list $ "ingressController" port...) */}}
{{- define "airtix-common.fromPeers" -}}
{{- $g := include "airtix-common.global" (index . 0) | fromYaml -}}
- from:
    {{- toYaml (get $g.networkPolicy (index . 1)) | nindent 4 }}
  ports:
    {{- range (slice . 2) }}
    - protocol: TCP
      port: {{ . }}
    {{- end }}
{{- end -}}

{{- define "airtix-common.toDns" -}}
{{- $g := include "airtix-common.global" . | fromYaml -}}
- to:
    {{- toYaml $g.networkPolicy.dns | nindent 4 }}
  ports:
    - protocol: UDP
      port: 53
    - protocol: TCP
      port: 53
{{- end -}}

{{/* Egress to an external store at global.<name>.port, reached at the peers of global.networkPolicy.<name> */}}
{{- define "airtix-common.toExternal" -}}
{{- $root := index . 0 -}}
{{- $name := index . 1 -}}
{{- $g := include "airtix-common.global" $root | fromYaml -}}
- to:
    {{- toYaml (get $g.networkPolicy $name) | nindent 4 }}
  ports:
    - protocol: TCP
      port: {{ (get $g $name).port }}
{{- end -}}

{{/*
Egress to Keycloak inside the cluster, where the services read the realm's keys (AIRTIX_SECURITY_JWKSETURI); the
tokens still name Keycloak's public address as their issuer, which no pod needs to reach
*/}}
{{- define "airtix-common.toIdentity" -}}
{{ include "airtix-common.toComponent" (list . "keycloak" 8080) }}
{{- end -}}

{{/* Egress to the telemetry collector, when one is named */}}
{{- define "airtix-common.toOtlp" -}}
{{- $g := include "airtix-common.global" . | fromYaml -}}
{{- with $g.networkPolicy.otlp.peers }}
- to:
    {{- toYaml . | nindent 4 }}
  ports:
    {{- range $g.networkPolicy.otlp.ports }}
    - protocol: TCP
      port: {{ . }}
    {{- end }}
{{- end }}
{{- end -}}

{{- define "airtix-common.networkPolicy" -}}
{{- $g := include "airtix-common.global" .root | fromYaml -}}
{{- if $g.networkPolicy.enabled }}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "airtix-common.fullname" .root }}
  labels:
    {{- include "airtix-common.labels" .root | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "airtix-common.selectorLabels" .root | nindent 6 }}
  policyTypes: [Ingress, Egress]
  ingress:
    {{- include "airtix-common.fromPeers" (list .root "prometheus" .root.Values.ports.management) | nindent 4 }}
    {{- .ingress | nindent 4 }}
    {{- with .root.Values.networkPolicy.extraIngress }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  egress:
    {{- include "airtix-common.toDns" .root | nindent 4 }}
    {{- include "airtix-common.toOtlp" .root | nindent 4 }}
    {{- .egress | nindent 4 }}
    {{- with .root.Values.networkPolicy.extraEgress }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
{{- end }}
{{- end -}}
