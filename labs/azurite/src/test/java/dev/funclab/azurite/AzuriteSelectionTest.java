package dev.funclab.azurite;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AzuriteSelectionTest {

    private static final String REAL = "DefaultEndpointsProtocol=https;AccountName=real;AccountKey=a2V5;EndpointSuffix=core.windows.net";

    private record FakeProbes(boolean docker, boolean defaultPorts, String node) implements Probes {
        @Override
        public boolean dockerAnswers() {
            return docker;
        }

        @Override
        public boolean defaultPortsAnswer() {
            return defaultPorts;
        }

        @Override
        public Optional<String> nodeVersion() {
            return Optional.ofNullable(node);
        }
    }

    private static final Probes EVERYTHING = new FakeProbes(true, true, "v20.1.0");

    @Test
    void theOverrideVariableWinsOverEverything() {
        assertThat(AzuriteSelection.choose(REAL, "UseDevelopmentStorage=true", true, EVERYTHING))
                .isEqualTo(new AzuriteSelection.Choice.Existing(REAL, "storage from FUNCLAB_STORAGE"));
    }

    @Test
    void theShorthandAsOverrideMeansTheDefaultPorts() {
        var choice = (AzuriteSelection.Choice.Existing) AzuriteSelection.choose("UseDevelopmentStorage=true", null, false, EVERYTHING);
        assertThat(choice.connectionString()).contains("BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1");
    }

    @Test
    void aRealConnectionStringInTheAppIsUsedAsItIs() {
        assertThat(AzuriteSelection.choose(null, REAL, false, EVERYTHING))
                .isEqualTo(new AzuriteSelection.Choice.Existing(REAL, "storage from AzureWebJobsStorage"));
    }

    @Test
    void aHostRunByHandSharesAnAzuriteOnTheDefaultPorts() {
        assertThat(AzuriteSelection.choose(null, "UseDevelopmentStorage=true", true, EVERYTHING))
                .isInstanceOf(AzuriteSelection.Choice.Existing.class);
    }

    @Test
    void testsGetStorageOfTheirOwnEvenWhenTheDefaultPortsAnswer() {
        assertThat(AzuriteSelection.choose(null, "UseDevelopmentStorage=true", false, EVERYTHING))
                .isInstanceOf(AzuriteSelection.Choice.Docker.class);
    }

    @Test
    void dockerComesBeforeNpm() {
        assertThat(AzuriteSelection.choose(null, null, true, new FakeProbes(true, false, "v20.1.0")))
                .isInstanceOf(AzuriteSelection.Choice.Docker.class);
    }

    @Test
    void npmWhenThereIsNoDocker() {
        assertThat(AzuriteSelection.choose(null, null, true, new FakeProbes(false, false, "v20.1.0")))
                .isEqualTo(new AzuriteSelection.Choice.Npm("v20.1.0"));
    }

    @Test
    void nothingAvailableSaysWhatToInstall() {
        assertThatThrownBy(() -> AzuriteSelection.choose(null, "UseDevelopmentStorage=true", true, new FakeProbes(false, false, null)))
                .isInstanceOf(AzuriteUnavailableException.class)
                .hasMessageContaining("install Node.js")
                .hasMessageContaining("Docker")
                .hasMessageContaining("FUNCLAB_STORAGE");
    }

    @Test
    void aNodeTooOldForAzuriteSaysWhichVersionToInstall() {
        assertThatThrownBy(() -> AzuriteSelection.choose(null, null, true, new FakeProbes(false, false, "v18.19.1")))
                .isInstanceOf(AzuriteUnavailableException.class)
                .hasMessageContaining("Node.js v18.19.1 is too old")
                .hasMessageContaining("install Node.js 20 or newer");
        assertThat(AzuriteSelection.supportsAzurite("v20.0.0")).isTrue();
        assertThat(AzuriteSelection.supportsAzurite("v22.11.0")).isTrue();
        assertThat(AzuriteSelection.supportsAzurite("v12.22.9")).isFalse();
    }
}
