package cn.onething.deploy;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image Jib builds (pom.xml) and the Deployment that runs it agree: the same unprivileged user, the same ports,
 * and the guides where the environment says they are. The image itself is not built here: that needs the base
 * image from a registry.
 */
class ContainerImageTests {

	static final Element JIB = jibConfiguration();

	@Test
	void theImageRunsAsTheUserTheDeploymentRequires() {
		PodSecurityContext security = DeploymentManifestTests.deployment("production").getSpec().getTemplate().getSpec().getSecurityContext();

		assertThat(text(JIB, "user")).isEqualTo(security.getRunAsUser() + ":" + security.getRunAsGroup());
		assertThat(security.getRunAsUser()).isNotZero();
	}

	@Test
	void theImageExposesThePortsTheDeploymentUses() {
		Container container = DeploymentManifestTests.container("production");

		assertThat(texts(JIB, "port")).containsExactlyInAnyOrderElementsOf(
				container.getPorts().stream().map(ContainerPort::getContainerPort).map(String::valueOf).toList());
	}

	@Test
	void theGuidesAndTheCalendarAreCopiedWhereTheImagesEnvironmentPointsTheService() {
		Element extraDirectory = (Element) ((Element) JIB.getElementsByTagName("extraDirectories").item(0))
				.getElementsByTagName("path").item(0);

		assertThat(text(extraDirectory, "from")).endsWith("/guides");
		assertThat(text(extraDirectory, "into")).isEqualTo("/app/guides");
		assertThat(text(JIB, "ONETHING_CATALOG_GUIDES_DIR")).isEqualTo("/app/guides");
		assertThat(text(JIB, "ONETHING_CALENDAR_DIR")).isEqualTo("/app/guides/calendar");
		assertThat(new File("guides/calendar")).isDirectory();
	}

	@Test
	void theHeapFollowsTheContainersMemoryLimit() {
		assertThat(texts(JIB, "jvmFlag")).contains("-XX:MaxRAMPercentage=75");
		assertThat(text(JIB, "mainClass")).isEqualTo("cn.onething.OnethingApplication");
	}

	private static Element jibConfiguration() {
		try {
			Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File("pom.xml"));
			NodeList plugins = pom.getElementsByTagName("plugin");
			for (int i = 0; i < plugins.getLength(); i++) {
				Element plugin = (Element) plugins.item(i);
				if (text(plugin, "artifactId").equals("jib-maven-plugin")) {
					return (Element) plugin.getElementsByTagName("configuration").item(0);
				}
			}
			throw new AssertionError("pom.xml has no jib-maven-plugin");
		}
		catch (Exception e) {
			throw new AssertionError("cannot read pom.xml", e);
		}
	}

	private static String text(Element parent, String tag) {
		List<String> found = texts(parent, tag);
		assertThat(found).as("<" + tag + ">").isNotEmpty();
		return found.get(0);
	}

	private static List<String> texts(Element parent, String tag) {
		NodeList nodes = parent.getElementsByTagName(tag);
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			texts.add(nodes.item(i).getTextContent().strip());
		}
		return texts;
	}
}
