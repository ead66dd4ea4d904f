package cn.onething.platform.internal;

import java.util.Map;

/**
 * The platform's code dictionaries (docs/platform.md §2): each maps a code as the payload sends it onto the word our
 * guides use. A code missing here is an unknown code, reported and never guessed.
 */
final class Codes {

	/** 服务对象 server_type. */
	static final Map<String, String> SERVICE_OBJECTS = Map.of("1", "自然人", "2", "企业法人", "3", "事业法人",
			"4", "社会组织法人", "5", "非法人企业", "6", "行政机关", "9", "其他组织");

	/** 办件类型 project_type. */
	static final Map<String, String> PROJECT_TYPES = Map.of("1", "即办件", "2", "承诺件");

	/** 材料形式 material_form, in the reading docs/platform.md §2 explains. */
	static final Map<String, String> MATERIAL_FORMS = Map.of("1", "纸质", "2", "电子", "3", "纸质或电子");

	/** 是否必要 is_need. */
	static final Map<String, Boolean> REQUIRED = Map.of("1", true, "2", false);

	/** 材料来源渠道 source_type, used when the payload gives no source_explain. */
	static final Map<String, String> MATERIAL_SOURCES = Map.of("10", "申请人自备", "20", "政府部门核发",
			"30", "其他机构出具", "40", "窗口领取或网上下载");

	/** 是/否 flags such as is_fee. */
	static final Map<String, Boolean> YES_NO = Map.of("1", true, "0", false);

	/** 时限单位 anticipate_type / promise_type: only working days are counted by our calendar. */
	static final String WORKING_DAYS = "1";

	private Codes() {
	}
}
