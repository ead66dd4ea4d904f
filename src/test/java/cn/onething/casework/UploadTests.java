package cn.onething.casework;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a sender calls a file is kept only as a name to show. */
class UploadTests {

	private static String stored(String sent) {
		return new Upload("birth-certificate", sent, new byte[0]).fileName();
	}

	@Test
	void foldersBeforeTheNameAreDroppedWhicheverSlashTheSenderUses() {
		assertThat(stored("../../etc/出生证明.pdf")).isEqualTo("出生证明.pdf");
		assertThat(stored("C:\\fakepath\\户口簿.jpg")).isEqualTo("户口簿.jpg");
	}

	@Test
	void controlAndFormattingCharactersIncludingNulAreDropped() {
		assertThat(stored("出生\u0000证明\r\n\t.pdf")).isEqualTo("出生证明.pdf");
		assertThat(stored("invoice\u202Efdp.exe")).as("a right-to-left override cannot disguise the name").isEqualTo("invoicefdp.exe");
	}

	@Test
	void aNameWithNothingLeftToShowIsCalledUnnamed() {
		assertThat(stored("/")).isEqualTo(Upload.UNNAMED);
		assertThat(stored("..")).isEqualTo(Upload.UNNAMED);
		assertThat(stored("\u0000 ")).isEqualTo(Upload.UNNAMED);
		assertThat(stored(null)).isEqualTo(Upload.UNNAMED);
	}

	@Test
	void aVeryLongNameIsCutToWhatAPageCanShow() {
		assertThat(stored("很".repeat(500) + ".pdf")).hasSize(Upload.MAX_NAME_LENGTH);
	}
}
