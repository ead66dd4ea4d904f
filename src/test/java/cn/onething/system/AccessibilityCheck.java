package cn.onething.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * What a page a browser shows fails of WCAG 2.2 AA, by axe-core run inside the page, and the checks axe leaves to
 * people that a script can still make: sideways scrolling and the size of what a finger taps.
 */
public final class AccessibilityCheck {

	private static final String AXE = axeSource();

	private AccessibilityCheck() {
	}

	/**
	 * axe's serious and critical violations of WCAG 2.0–2.2 A and AA, each as "rule: element (why)"; empty when none.
	 * The script is handed to the page through the driver, which the page's Content-Security-Policy does not cover.
	 */
	public static List<String> seriousViolations(WebDriver browser) {
		JavascriptExecutor page = (JavascriptExecutor) browser;
		browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
		page.executeScript(AXE);
		@SuppressWarnings("unchecked")
		List<String> violations = (List<String>) page.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})
				  .then(result => done(result.violations
				      .filter(v => v.impact === 'serious' || v.impact === 'critical')
				      .flatMap(v => v.nodes.map(n => v.id + ': ' + n.target.join(' ') + ' (' + (n.failureSummary || '').replace(/\\s+/g, ' ') + ')'))))
				  .catch(error => done(['axe failed: ' + error]));""");
		return violations;
	}

	/** How much wider than the screen the page is, in CSS pixels (0 when nothing scrolls sideways). */
	public static long sidewaysOverflow(WebDriver browser) {
		return (Long) ((JavascriptExecutor) browser).executeScript(
				"return Math.max(0, document.documentElement.scrollWidth - window.innerWidth);");
	}

	/**
	 * The controls a finger taps that are smaller than 44 × 44 CSS px, as "element text: width × height": buttons,
	 * fields, menus, links that stand as blocks of their own, and the labels of radio buttons and checkboxes (the
	 * label is what is tapped). Links inside running text are exempt, as WCAG 2.5.8 exempts them.
	 */
	@SuppressWarnings("unchecked")
	public static List<String> smallTapTargets(WebDriver browser) {
		return (List<String>) ((JavascriptExecutor) browser).executeScript("""
				const visible = e => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
				  return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && !e.closest('.visually-hidden'); };
				const targets = [...document.querySelectorAll('button, select, textarea, summary, a, '
				    + 'input:not([type=hidden]):not([type=radio]):not([type=checkbox])')]
				  .filter(e => e.tagName !== 'A' || getComputedStyle(e).display !== 'inline')
				  .concat([...document.querySelectorAll('input[type=radio], input[type=checkbox]')]
				    .map(i => i.closest('label') || (i.id && document.querySelector('label[for="' + i.id + '"]')) || i));
				return targets.filter(visible).filter(e => { const r = e.getBoundingClientRect();
				    return r.width < 43.5 || r.height < 43.5; })
				  .map(e => { const r = e.getBoundingClientRect();
				    return e.tagName.toLowerCase() + ' "' + (e.innerText || e.value || e.name || '').trim().slice(0, 20) + '": '
				      + Math.round(r.width) + ' × ' + Math.round(r.height); });""");
	}

	/** The computed font size of the page's body text, in CSS pixels. */
	public static double bodyFontSize(WebDriver browser) {
		return ((Number) ((JavascriptExecutor) browser).executeScript(
				"return parseFloat(getComputedStyle(document.querySelector('main') || document.body).fontSize);")).doubleValue();
	}

	private static String axeSource() {
		try (InputStream in = AccessibilityCheck.class.getResourceAsStream("/axe.min.js")) {
			if (in == null) {
				throw new IllegalStateException("axe.min.js is not on the test class path (com.deque.html.axe-core:selenium)");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
