package cn.onething.casework.web.staff;

import cn.onething.catalog.Catalog;
import org.springframework.stereotype.Component;

/** Department names for the console, from the current catalogue; an unknown id shows as itself. */
@Component
class Departments {

	private final Catalog catalog;

	Departments(Catalog catalog) {
		this.catalog = catalog;
	}

	String name(String id) {
		if (id == null) {
			return "政务服务中心";
		}
		return catalog.current().departmentName(id);
	}
}
