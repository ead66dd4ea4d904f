package cn.onething.wechat.callback;

import java.nio.file.Files;
import java.nio.file.Path;

import cn.onething.wechat.fake.FakeEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallbackXmlTests {

	@Test
	void aPushIsReadIntoItsFields() {
		CallbackMessage message = CallbackXml.parse(FakeEvents.templateFinished("oUSER", 9007199254740993L, "failed:user block"));

		assertThat(message.sender()).isEqualTo("oUSER");
		assertThat(message.account()).isEqualTo(FakeEvents.ACCOUNT);
		assertThat(message.field("MsgID")).isEqualTo("9007199254740993");
		assertThat(message.field("Status")).isEqualTo("failed:user block");
	}

	@Test
	void subscribeSentListsAreRead() {
		CallbackMessage message = CallbackXml.parse(FakeEvents.subscribeSent("oUSER", "TPL", 42));

		assertThat(message.items()).singleElement().satisfies(item -> {
			assertThat(item).containsEntry("MsgID", "42").containsEntry("ErrorCode", "0").containsEntry("TemplateId", "TPL");
		});
	}

	@Test
	void anExternalEntityIsRefusedAndTheFileNeverRead(@TempDir Path folder) throws Exception {
		Path secret = Files.writeString(folder.resolve("secret.txt"), "TOP-SECRET");
		String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
				+ "<xml><FromUserName>&x;</FromUserName></xml>";

		assertThatThrownBy(() -> CallbackXml.parse(xxe))
				.isInstanceOfSatisfying(CallbackRefused.class, refused -> {
					assertThat(refused.status()).isEqualTo(HttpStatus.BAD_REQUEST);
					assertThat(refused.getMessage()).doesNotContain("TOP-SECRET");
				});
	}

	@Test
	void anInternalEntityBombIsRefusedToo() {
		String bomb = "<!DOCTYPE xml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><xml><Content>&b;</Content></xml>";

		assertThatThrownBy(() -> CallbackXml.parse(bomb)).isInstanceOf(CallbackRefused.class);
	}

	@Test
	void somethingThatIsNotWechatXmlIsRefused() {
		assertThatThrownBy(() -> CallbackXml.parse("{\"json\":true}")).isInstanceOf(CallbackRefused.class);
		assertThatThrownBy(() -> CallbackXml.parse("<root/>")).isInstanceOf(CallbackRefused.class);
		assertThatThrownBy(() -> CallbackXml.parse("")).isInstanceOf(CallbackRefused.class);
	}
}
