package dev.callx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a usage error lists the accepted values: "a, b or c", and a single one alone. */
class ConvertersTest {
    @Test
    void choicesReadAsAListEndingInOr() {
        assertThat(Converters.orList(List.of("csv"))).isEqualTo("csv");
        assertThat(Converters.orList(List.of("asc", "desc"))).isEqualTo("asc or desc");
        assertThat(Converters.orList(List.of("table", "csv", "jsonl", "json"))).isEqualTo("table, csv, jsonl or json");
    }
}
