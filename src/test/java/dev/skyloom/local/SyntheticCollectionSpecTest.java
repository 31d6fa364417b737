package dev.skyloom.local;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyntheticCollectionSpecTest {

    @Test
    void specsNameADatasetSlugACollectionAndASize() {
        assertThat(SyntheticCollection.parseAll(" open_data.synthetic/big=5_000_000,open_data.synthetic/S2-x.1=10"))
                .containsExactly(new SyntheticCollection("open_data.synthetic", "big", 5_000_000),
                        new SyntheticCollection("open_data.synthetic", "S2-x.1", 10));
        assertThat(SyntheticCollection.parse("a.b.c/d=1").toString()).isEqualTo("a.b.c/d=1");
    }

    @Test
    void badSpecsSayWhatIsExpected() {
        for (String spec : List.of("big=5", "open_data.synthetic/big", "open_data.synthetic/big=x",
                "open_data.synthetic/big=_")) {
            assertThatThrownBy(() -> SyntheticCollection.parse(spec)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("expected <dataset-slug>/<collection>=<datapoints>");
        }
        assertThatThrownBy(() -> SyntheticCollection.parse("synthetic/big=5"))
                .hasMessageContaining("expected group.dataset");
        assertThatThrownBy(() -> SyntheticCollection.parse("Open.Data/big=5")).hasMessageContaining("snake_case");
        assertThatThrownBy(() -> SyntheticCollection.parse("open_data.synthetic/big=0"))
                .hasMessageContaining("1 to 1000000000 datapoints, got 0");
        assertThatThrownBy(() -> SyntheticCollection.parse("open_data.synthetic/big=1000000001"))
                .hasMessageContaining("got 1000000001");
        assertThatThrownBy(() -> SyntheticCollection.parse("open_data.synthetic/b\u202Eg=5"))
                .hasMessageContaining("expected up to 100 letters");
        assertThatThrownBy(() -> SyntheticCollection.parseAll("a.b/c=1,a.b/c=2")).hasMessageContaining("twice");
    }
}
