package cn.onething.document.web;

import cn.onething.bundle.Bundles;
import cn.onething.catalog.Catalog;
import cn.onething.catalog.CatalogSnapshot;
import cn.onething.identity.Identity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * 打印办事指南一本通 in the staff console: staff choose the whole book, a domain's, a bundle's or a department's and
 * download it, for the disclosure corner or for an applicant at the window. Plain links to the compendium's address,
 * so a keyboard and no JavaScript will do; behind the console's sign-in like every page under /staff.
 */
@Controller
class CompendiumConsole {

	/**
	 * What the console bar shows for hall staff who belong to no approving department; an id the catalogue does not
	 * know shows as itself, as on the casework pages.
	 */
	private static final String HALL = "政务服务中心";

	private final Identity identity;
	private final Catalog catalog;
	private final Bundles bundles;

	CompendiumConsole(Identity identity, Catalog catalog, Bundles bundles) {
		this.identity = identity;
		this.catalog = catalog;
		this.bundles = bundles;
	}

	@GetMapping("/staff/documents")
	Mono<Rendering> choices() {
		return identity.signedIn().map(member -> {
			CatalogSnapshot catalogue = catalog.current();
			return Rendering.view("document/staff/compendiums")
					.modelAttribute("member", member)
					.modelAttribute("memberDepartment", member.departmentId() == null ? HALL
							: catalogue.departmentName(member.departmentId()))
					.modelAttribute("choices", CompendiumChoices.of(catalogue, bundles.current()))
					.build();
		});
	}
}
