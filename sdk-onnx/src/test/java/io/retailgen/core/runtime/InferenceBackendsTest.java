package io.retailgen.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retailgen.core.Device;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class InferenceBackendsTest {
    private static final UnaryOperator<String> NONE = k -> null;

    private static UnaryOperator<String> only(String key, String value) {
        return k -> Map.of(key, value).get(k);
    }

    @Test
    void discoversBuiltInAndTestBackendsHighestPriorityFirst() {
        assertThat(InferenceBackends.all()).extracting(b -> b.name())
                .containsExactly("onnxruntime-cuda", "onnxruntime-cpu", "fake-gpu", "fake-cpu");
    }

    @Test
    void builderOptionBeatsPropertyAndEnvironment() {
        BackendSelection s = InferenceBackends.select("fake-cpu", null, false,
                only(InferenceBackends.PROPERTY, "onnxruntime-cpu"),
                only(InferenceBackends.ENVIRONMENT, "onnxruntime-cpu"));
        assertThat(s.backend().name()).isEqualTo("fake-cpu");
        assertThat(s.source()).isEqualTo(BackendSelection.Source.BUILDER);
    }

    @Test
    void systemPropertyBeatsEnvironment() {
        BackendSelection s = InferenceBackends.select(null, null, false,
                only(InferenceBackends.PROPERTY, "fake-cpu"), only(InferenceBackends.ENVIRONMENT, "onnxruntime-cpu"));
        assertThat(s.backend().name()).isEqualTo("fake-cpu");
        assertThat(s.source()).isEqualTo(BackendSelection.Source.SYSTEM_PROPERTY);
    }

    @Test
    void environmentIsUsedWhenNothingElseIsSet() {
        BackendSelection s = InferenceBackends.select(" ", null, false, NONE,
                only(InferenceBackends.ENVIRONMENT, "FAKE-CPU"));
        assertThat(s.backend().name()).isEqualTo("fake-cpu");
        assertThat(s.source()).isEqualTo(BackendSelection.Source.ENVIRONMENT);
    }

    @Test
    void autoPicksTheBestAvailableBackend() {
        BackendSelection s = InferenceBackends.select("auto", null, false, NONE, NONE);
        // the test classpath carries the CPU build of ONNX Runtime, so CUDA is never available here
        assertThat(s.backend().name()).isEqualTo("onnxruntime-cpu");
        assertThat(s.device()).isEqualTo(Device.cpu());
        assertThat(s.source()).isEqualTo(BackendSelection.Source.AUTO);
        assertThat(s.fellBack()).isFalse();
    }

    @Test
    void unknownNameFailsAndListsKnownBackends() {
        assertThatThrownBy(() -> InferenceBackends.select("tensorrt", null, false, NONE, NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown inference backend 'tensorrt'")
                .hasMessageContaining("onnxruntime-cpu").hasMessageContaining("fake-cpu");
    }

    @Test
    void missingCudaFallsBackToCpuWithReason() {
        BackendSelection s = InferenceBackends.select(null, Device.cuda(0), false, NONE, NONE);
        assertThat(s.backend().name()).isEqualTo("onnxruntime-cpu");
        assertThat(s.device()).isEqualTo(Device.cpu());
        assertThat(s.fellBack()).isTrue();
        assertThat(s.fallback()).contains("cuda:0").contains("onnxruntime_gpu");
    }

    @Test
    void missingCudaInStrictModeFails() {
        assertThatThrownBy(() -> InferenceBackends.select(null, Device.cuda(1), true, NONE, NONE))
                .isInstanceOfSatisfying(RetailGenException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.BACKEND_UNAVAILABLE))
                .hasMessageContaining("cuda:1").hasMessageContaining("strict");
    }

    @Test
    void namedUnavailableGpuBackendFallsBackUnlessStrict() {
        BackendSelection s = InferenceBackends.select(null, null, false, NONE,
                only(InferenceBackends.ENVIRONMENT, "fake-gpu"));
        assertThat(s.device()).isEqualTo(Device.cpu());
        assertThat(s.fallback()).contains("fake-gpu is not available: no fake GPU here");
        assertThatThrownBy(() -> InferenceBackends.select("fake-gpu", null, true, NONE, NONE))
                .isInstanceOf(RetailGenException.class).hasMessageContaining("no fake GPU here");
    }

    @Test
    void namedBackendMustMatchRequestedDevice() {
        assertThatThrownBy(() -> InferenceBackends.select("onnxruntime-cpu", Device.cuda(0), false, NONE, NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("runs on CPU but device cuda:0 was requested");
    }

    @Test
    void explicitCpuDevicePicksTheBestCpuBackend() {
        BackendSelection s = InferenceBackends.select(null, Device.cpu(), true, NONE, NONE);
        assertThat(s.backend().name()).isEqualTo("onnxruntime-cpu");
    }
}
