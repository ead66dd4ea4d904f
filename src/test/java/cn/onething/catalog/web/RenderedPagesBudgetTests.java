package cn.onething.catalog.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/** Made-up search queries must not grow the heap: kept pages stay within their budget, oldest asked-for out first. */
class RenderedPagesBudgetTests {

	@Test
	void theLeastRecentlyAskedForPageMakesRoomForANewOne() {
		RenderedPages.Pages pages = new RenderedPages.Pages("1", 3 * pageOfSize(1000).size());
		pages.put("/a", pageOfSize(1000));
		pages.put("/b", pageOfSize(1000));
		pages.put("/c", pageOfSize(1000));
		pages.get("/a");

		pages.put("/d", pageOfSize(1000));

		assertThat(pages.get("/b")).as("least recently asked for").isNull();
		assertThat(pages.get("/a")).isNotNull();
		assertThat(pages.get("/c")).isNotNull();
		assertThat(pages.get("/d")).isNotNull();
	}

	@Test
	void aPageReplacedByItsNewRenderingIsNotCountedTwice() {
		RenderedPages.Pages pages = new RenderedPages.Pages("1", 2 * pageOfSize(1000).size());
		pages.put("/a", pageOfSize(1000));
		pages.put("/a", pageOfSize(1000));
		pages.put("/b", pageOfSize(1000));

		assertThat(pages.get("/a")).isNotNull();
		assertThat(pages.get("/b")).isNotNull();
	}

	@Test
	void aPageLargerThanTheWholeBudgetIsNotKept() {
		RenderedPages.Pages pages = new RenderedPages.Pages("1", 100);
		pages.put("/huge", pageOfSize(10_000));

		assertThat(pages.get("/huge")).isNull();
	}

	private static RenderedPages.Page pageOfSize(int bytes) {
		return RenderedPages.Page.of(new HttpHeaders(), new byte[bytes]);
	}
}
