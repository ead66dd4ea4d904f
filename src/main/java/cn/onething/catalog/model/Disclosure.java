package cn.onething.catalog.model;

import java.util.List;

/** One row of the disclosure catalogue (公开事项标准目录), the columns of the seed's Attachment 2. */
public record Disclosure(
		String firstLevel,
		String secondLevel,
		String content,
		String basis,
		String timeLimit,
		String subject,
		List<String> channels,
		String audience,
		String mode,
		String level) {

	/** 公开渠道和载体, in the order the printed table shows them. */
	public static final List<String> CHANNELS = List.of("政府网站", "公开查阅点", "政务服务中心", "公示栏", "发布会", "两微一端", "其他");
	public static final List<String> AUDIENCES = List.of("全社会", "特定群众");
	public static final List<String> MODES = List.of("主动", "依申请");
	public static final List<String> LEVELS = List.of("县级", "乡村级");
}
