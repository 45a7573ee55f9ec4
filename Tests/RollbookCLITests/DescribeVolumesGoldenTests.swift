import Testing
import TestSupport

/// `describe` of a template and its Pod with every volume source a Deployment commonly mounts, env sources and
/// mounts, as kubectl v1.32 prints them (each checked against kubectl through `rollbook serve`, which describes
/// client-side). A claim template's `volumeMode` is defaulted to `Filesystem`.
struct DescribeVolumesGoldenTests {
    static let manifest = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 1
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              volumes:
              - name: scratch
                emptyDir: {medium: Memory, sizeLimit: 64Mi}
              - name: plain
              - name: config
                configMap:
                  name: app-config
                  items: [{key: app.properties, path: app.properties}]
                  optional: true
              - name: creds
                secret: {secretName: app-creds, defaultMode: 0400}
              - name: logs
                hostPath: {path: /var/log, type: Directory}
              - name: data
                persistentVolumeClaim: {claimName: data-claim, readOnly: true}
              - name: info
                downwardAPI:
                  items:
                  - {path: labels, fieldRef: {fieldPath: metadata.labels}}
                  - {path: cpu, resourceFieldRef: {containerName: app, resource: limits.cpu, divisor: 1m}}
              - name: bundle
                projected:
                  sources:
                  - serviceAccountToken: {audience: vault, expirationSeconds: 7200, path: token}
                  - configMap: {name: ca, items: [{key: ca.crt, path: ca.crt}]}
                  - secret: {name: extra}
                  - downwardAPI: {items: [{path: name, fieldRef: {fieldPath: metadata.name}}]}
              - name: share
                nfs: {server: nfs.example.com, path: /exports, readOnly: true}
              - name: driver
                csi: {driver: csi.example.com, readOnly: true, volumeAttributes: {size: small}}
              - name: claim
                ephemeral:
                  volumeClaimTemplate:
                    spec:
                      accessModes: [ReadWriteOnce]
                      resources: {requests: {storage: 1Gi}}
              - name: gce
                gcePersistentDisk: {pdName: disk-1, fsType: ext4}
              - name: aws
                awsElasticBlockStore: {volumeID: vol-1, partition: 2, readOnly: true}
              - name: git
                gitRepo: {repository: "https://example.com/r.git", revision: main}
              - name: gluster
                glusterfs: {endpoints: ep, path: vol}
              - name: vsphere
                vsphereVolume: {volumePath: "[ds] disk.vmdk"}
              - name: fc
                fc: {targetWWNs: [a1, b2], lun: 2}
              - name: fc2
                fc: {wwids: [w1]}
              - name: az
                azureFile: {secretName: s, shareName: share}
              - name: flocker
                flocker: {datasetName: ds}
              - name: pwx
                portworxVolume: {volumeID: v}
              - name: csi2
                csi: {driver: b.example.com, volumeAttributes: {zeta: "1", alpha: "2"}, fsType: xfs}
              - name: csi3
                csi: {driver: c.example.com}
              - name: cache
                ephemeral:
                  volumeClaimTemplate:
                    metadata: {labels: {type: scratch, tier: fast}, annotations: {note: hello}}
                    spec:
                      accessModes: [ReadWriteOnce]
                      storageClassName: fast
                      resources: {requests: {storage: 1Gi}}
              containers:
              - name: app
                image: nginx:1.14.2
                env:
                - name: NODE
                  valueFrom: {fieldRef: {fieldPath: spec.nodeName}}
                - name: KEY
                  valueFrom: {configMapKeyRef: {name: app-config, key: key, optional: true}}
                - name: PASS
                  valueFrom: {secretKeyRef: {name: app-creds, key: password}}
                - name: LIMIT
                  valueFrom: {resourceFieldRef: {resource: limits.memory, divisor: 1Mi}}
                envFrom:
                - configMapRef: {name: env-config}
                  prefix: CFG_
                - secretRef: {name: env-secret, optional: true}
                volumeMounts:
                - {name: scratch, mountPath: /scratch}
                - {name: config, mountPath: /etc/app, readOnly: true, subPath: app.properties}
                - {name: creds, mountPath: /etc/creds, readOnly: true}
                - {name: logs, mountPath: /host/logs, mountPropagation: HostToContainer}
                - {name: data, mountPath: /data}
                - {name: info, mountPath: /info}
                - {name: bundle, mountPath: /bundle}
                - {name: share, mountPath: /share}
                - {name: driver, mountPath: /driver}
                - {name: claim, mountPath: /claim}
                - {name: plain, mountPath: /plain, subPathExpr: "$(NODE)"}
        """

    @Test func everyVolumeSourceHasItsLines() throws {
        let steps: [(Int, String)] = [
            (0, "images load nginx:1.14.2"),
            (0, "apply -f web.yaml"),
            (10, "describe deployment web"),
            (10, "describe pods"),
        ]
        try expectGolden(
            try ScenarioScript(files: ["web.yaml": Self.manifest], steps: steps).run(), named: "fidelity/describe-volumes.txt")
    }
}
