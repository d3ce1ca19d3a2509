package ai.dfc.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.dfc.api.encoder.DenseTokens;
import ai.dfc.api.encoder.EncoderSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class DenseTokensTest {
    @Test
    void tokensMustMatchTheirGrid() {
        DenseTokens t = new DenseTokens(Nd4j.zeros(DataType.FLOAT, 2, 3, 16 * 12, 5), 16, 12, 14);
        assertThat(t.batchSize()).isEqualTo(2);
        assertThat(t.layers()).isEqualTo(3);
        assertThat(t.channels()).isEqualTo(5);
        assertThatThrownBy(() -> new DenseTokens(Nd4j.zeros(DataType.FLOAT, 2, 3, 100, 5), 16, 12, 14))
                .hasMessageContaining("do not match a 16x12 grid");
        assertThatThrownBy(() -> new DenseTokens(Nd4j.zeros(DataType.DOUBLE, 1, 1, 4, 5), 2, 2, 14))
                .hasMessageContaining("FLOAT");
        assertThatThrownBy(() -> new DenseTokens(Nd4j.zeros(DataType.FLOAT, 4, 5), 2, 2, 14))
                .hasMessageContaining("rank-4");
    }

    @Test
    void specsComputeGridsByFlooring() {
        EncoderSpec spec = new EncoderSpec(14, 768, List.of(9, 10, 11));
        assertThat(spec.gridHeight(224)).isEqualTo(16);
        assertThat(spec.gridWidth(230)).isEqualTo(16);
        assertThatThrownBy(() -> new EncoderSpec(14, 768, List.of())).hasMessageContaining("at least one layer");
    }
}
