"""Lists and patches Deployments of a `rollbook serve` with the Kubernetes Python client.

Usage: python3 list_and_patch.py SERVER_URL TOKEN
"""
import json
import sys

from kubernetes import client


def main(server, token):
    configuration = client.Configuration()
    configuration.host = server
    configuration.api_key = {"authorization": token}
    configuration.api_key_prefix = {"authorization": "Bearer"}
    apps = client.AppsV1Api(client.ApiClient(configuration))

    listed = apps.list_namespaced_deployment("default")
    print("list:", [d.metadata.name for d in listed.items])
    web = apps.read_namespaced_deployment("web", "default")
    print("read:", web.metadata.name, web.spec.replicas, web.spec.template.spec.containers[0].image)

    patched = apps.patch_namespaced_deployment("web", "default", {"spec": {"replicas": 4}})
    print("patch replicas:", patched.spec.replicas)
    patched = apps.patch_namespaced_deployment(
        "web", "default", [{"op": "replace", "path": "/spec/template/spec/containers/0/image", "value": "web:2.0"}])
    print("json patch image:", patched.spec.template.spec.containers[0].image)
    scale = apps.patch_namespaced_deployment_scale("web", "default", {"spec": {"replicas": 3}})
    print("scale:", scale.spec.replicas)

    try:
        apps.read_namespaced_deployment("nope", "default")
    except client.ApiException as error:
        status = json.loads(error.body)
        print("missing:", error.status, status["reason"], status["message"])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
