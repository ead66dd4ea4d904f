package cn.onething.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import cn.onething.catalog.Catalog;
import cn.onething.catalog.GuideFolderFixture;
import cn.onething.system.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The payload read from a file instead of the platform's endpoint; a missing file leaves the catalogue as it is. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "onething.catalog.import-on-startup=false")
class PlatformFileSyncTests {

	static final Path GUIDES = GuideFolderFixture.temporaryFolder("guides");
	static final Path PAYLOAD = GuideFolderFixture.temporaryFolder("platform").resolve("items.json");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerFresh(registry);
		registry.add("onething.catalog.guides-dir", GUIDES::toString);
		registry.add("onething.platform.file", PAYLOAD::toString);
	}

	@Autowired
	PlatformSync platform;

	@Autowired
	Catalog catalog;

	@BeforeEach
	void ourCatalogue() {
		GuideFolderFixture.replaceContentsOf(GUIDES);
		catalog.importGuides("test").block();
	}

	@Test
	void aPayloadFileIsReadLikeOnePageOfThePlatform() {
		write(PlatformStandIn.fixtureText("fusui-items.json"));

		SyncResult result = platform.sync().block();

		assertThat(result.outcome()).isEqualTo(SyncRecord.Outcome.SUBMITTED);
		assertThat(catalog.current().guide("000707410000")).isPresent();
	}

	@Test
	void aMissingFileIsAnUnreachablePlatformAndChangesNothing() throws IOException {
		Files.deleteIfExists(PAYLOAD);
		long version = catalog.current().importId();

		SyncResult result = platform.sync().block();

		assertThat(result.outcome()).isEqualTo(SyncRecord.Outcome.UNREACHABLE);
		assertThat(catalog.current().importId()).isEqualTo(version);
	}

	private static void write(String payload) {
		try {
			Files.writeString(PAYLOAD, payload);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
