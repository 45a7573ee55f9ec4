import KubeModel

/// kubectl's `qos.GetPodQOS`: the recorded `status.qosClass`, else computed from the spec.
func qosClass(of pod: Pod) -> String {
    if let recorded = pod.status.qosClass, !recorded.isEmpty { return recorded }
    return pod.spec.qosClass
}
