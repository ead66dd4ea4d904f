package cn.onething.bundle.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import cn.onething.bundle.Bundle;
import cn.onething.bundle.BundleItem;
import cn.onething.bundle.Bundles;
import cn.onething.catalog.Catalog;
import cn.onething.system.HeadlessChromium;
import cn.onething.system.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * A newcomer on the smallest phone (320 CSS px) with text at 200% finds 新生儿出生一件事 by searching 出生, reads a
 * guide of it, follows the guide's link to the bundle, and has 立即办理 at the bottom of both pages without it hiding
 * the end of the page. The bar is a plain link, no script.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "onething.catalog.import-on-startup=false")
class FoundFromAnywhereBrowserTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerFresh(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	Catalog catalog;

	@Autowired
	Bundles bundles;

	WebDriver browser;

	@BeforeEach
	void shippedGuidesAndBundles() {
		HeadlessChromium.assumeInstalled();
		catalog.importGuides("test").block();
		bundles.importBundles("test").block();
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			HeadlessChromium.quitCheckingThePolicy(browser);
		}
	}

	@Test
	void searchingChushengAtDoubleTextOnASmallPhoneLeadsThroughAGuideToTheBundleAndItsForm() {
		Bundle newborn = bundles.bundle("newborn").orElseThrow();
		BundleItem registration = newborn.item("000707001000").orElseThrow();
		browser = HeadlessChromium.phone(320, 640, 32);
		browser.get("http://localhost:" + port + "/");

		browser.findElement(By.id("q-top")).sendKeys("出生");
		browser.findElement(By.cssSelector(".top__search button")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/search?q="));
		List<WebElement> results = browser.findElements(By.cssSelector("main .items a"));
		assertThat(results.get(0).getDomAttribute("href")).as("the bundle is the first result").isEqualTo("/bundles/newborn");
		assertThat(results.get(0).getText()).contains(newborn.name());

		browser.findElement(By.cssSelector("#hits a[href='/g/" + registration.code() + "']")).click();
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(catalog.current().guide(registration.code()).orElseThrow().name());
		assertTheBarIsVisibleAndHidesNothing("/bundles/newborn/form");

		browser.findElement(By.cssSelector("#life-event a")).click();
		assertThat(browser.getCurrentUrl()).endsWith("/bundles/newborn");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(newborn.name());
		assertTheBarIsVisibleAndHidesNothing("/bundles/newborn/form");

		browser.findElement(By.cssSelector(".act-bar a")).click();
		assertThat(browser.getCurrentUrl()).endsWith("/bundles/newborn/form");
	}

	/** Scrolled to the very end, the bar sits on the screen's bottom edge, below the page's last paragraph. */
	@SuppressWarnings("unchecked")
	private void assertTheBarIsVisibleAndHidesNothing(String leadsTo) {
		WebElement bar = browser.findElement(By.cssSelector(".act-bar a"));
		assertThat(bar.isDisplayed()).isTrue();
		assertThat(bar.getText()).isEqualTo("立即办理");
		assertThat(bar.getDomAttribute("href")).isEqualTo(leadsTo);
		Map<String, Number> layout = (Map<String, Number>) ((JavascriptExecutor) browser).executeScript("""
				window.scrollTo(0, document.documentElement.scrollHeight);
				const paragraphs = document.querySelectorAll('body > footer p');
				const last = paragraphs[paragraphs.length - 1].getBoundingClientRect();
				const bar = document.querySelector('.act-bar').getBoundingClientRect();
				return {lastBottom: last.bottom, barTop: bar.top, barBottom: bar.bottom, screen: window.innerHeight,
				        scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth,
				        tapHeight: document.querySelector('.act-bar a').getBoundingClientRect().height};""");
		assertThat(layout.get("barBottom").doubleValue()).as("the bar is on the bottom edge")
				.isCloseTo(layout.get("screen").doubleValue(), offset(1.0));
		assertThat(layout.get("lastBottom").doubleValue()).as("the last paragraph ends above the bar")
				.isLessThanOrEqualTo(layout.get("barTop").doubleValue());
		assertThat(layout.get("scrollWidth").longValue()).as("no sideways scrolling").isLessThanOrEqualTo(layout.get("width").longValue());
		assertThat(layout.get("tapHeight").doubleValue()).as("a tap target of at least 44 px").isGreaterThanOrEqualTo(44);
	}
}
