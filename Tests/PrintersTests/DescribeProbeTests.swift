import KubeModel
@testable import Printers
import Testing

/// describe.go's `DescribeProbe` lines, as kubectl v1.32.4 printed them for the same probes.
struct DescribeProbeTests {
    @Test func httpGetPathsAreWrittenAsAURL() throws {
        let relative = try JSONCodec.parse(
            #"{"httpGet":{"path":"healthz","port":8443,"scheme":"HTTPS","host":"example.local"},"periodSeconds":20,"successThreshold":2}"#)
        #expect(describeProbe(relative)
            == "http-get https://example.local:8443/healthz delay=0s timeout=1s period=20s #success=2 #failure=3")
        let named = try JSONCodec.parse(#"{"httpGet":{"path":"/ready","port":"http"},"initialDelaySeconds":5}"#)
        #expect(describeProbe(named) == "http-get http://:http/ready delay=5s timeout=1s period=10s #success=1 #failure=3")
    }
}
