package cn.onething.wechat.callback;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/wechat.md §6.1: the official vectors, Token AAAAA. */
class CallbackSignatureTests {

	@Test
	void theThreeOfficialUrlSignaturesMatch() {
		assertThat(CallbackSignature.of("AAAAA", "1714036504", "1514711492")).isEqualTo("f464b24fc39322e44b38aa78f5edd27bd1441696");
		assertThat(CallbackSignature.of("AAAAA", "1714037059", "486452656")).isEqualTo("899cf89e464efb63f54ddac96b0a0a235f53aa78");
		assertThat(CallbackSignature.of("AAAAA", "1715943329", "1590219412")).isEqualTo("cc0c594499c1634947d5b502f158ee518947db27");
	}

	@Test
	void aSignatureMatchesOnlyItsOwnParts() {
		assertThat(CallbackSignature.matches("899cf89e464efb63f54ddac96b0a0a235f53aa78", "AAAAA", "1714037059", "486452656")).isTrue();
		assertThat(CallbackSignature.matches("899cf89e464efb63f54ddac96b0a0a235f53aa78", "AAAAA", "1714037060", "486452656")).isFalse();
		assertThat(CallbackSignature.matches(null, "AAAAA", "1714037059", "486452656")).isFalse();
		assertThat(CallbackSignature.matches("899cf89e464efb63f54ddac96b0a0a235f53aa78", "AAAAA", null, "486452656")).isFalse();
	}
}
