package cn.onething.catalog.opendata;

import java.util.List;

/** The fields of the package's JSON files, as the manifest defines them; the CSV files' columns come from their tables. */
final class JsonFields {

	static final List<ColumnDefinition> DISCLOSURE = List.of(
			new ColumnDefinition("number", "序号"),
			new ColumnDefinition("domain", "领域"),
			new ColumnDefinition("code", "事项编码（12 位基本编码）"),
			new ColumnDefinition("itemName", "所公开的事项名称"),
			new ColumnDefinition("disclosure.firstLevel", "一级事项"),
			new ColumnDefinition("disclosure.secondLevel", "二级事项"),
			new ColumnDefinition("disclosure.content", "公开内容（要素）"),
			new ColumnDefinition("disclosure.basis", "公开依据"),
			new ColumnDefinition("disclosure.timeLimit", "公开时限"),
			new ColumnDefinition("disclosure.subject", "公开主体"),
			new ColumnDefinition("disclosure.channels", "公开渠道和载体（数组）"),
			new ColumnDefinition("disclosure.audience", "公开对象：全社会或特定群众"),
			new ColumnDefinition("disclosure.mode", "公开方式：主动或依申请"),
			new ColumnDefinition("disclosure.level", "公开层级：县级或乡村级"));

	static final List<ColumnDefinition> GUIDE = List.of(
			new ColumnDefinition("version", "该事项办事指南的版本号"),
			new ColumnDefinition("url", "办事指南页面的稳定地址"),
			new ColumnDefinition("guide.code", "事项编码（12 位基本编码）"),
			new ColumnDefinition("guide.name", "事项名称"),
			new ColumnDefinition("guide.aliases", "别名（数组）"),
			new ColumnDefinition("guide.type", "事项类型"),
			new ColumnDefinition("guide.domainId", "领域编号"),
			new ColumnDefinition("guide.department", "实施主体：id、name、code（统一社会信用代码）"),
			new ColumnDefinition("guide.serviceObjects", "服务对象（数组）"),
			new ColumnDefinition("guide.useLevel", "行使层级：4 县级，5 乡镇级"),
			new ColumnDefinition("guide.legalBasis", "设定依据：law、article、text（数组）"),
			new ColumnDefinition("guide.conditions", "受理条件"),
			new ColumnDefinition("guide.materials", "申请材料：名称、原件份数、复印件份数、形式、必要性、来源渠道等（数组）"),
			new ColumnDefinition("guide.process", "办理流程（数组）"),
			new ColumnDefinition("guide.timeLimit", "办理时限：statutory 法定、committed 承诺（工作日），kind 办件类型"),
			new ColumnDefinition("guide.specialProcedures", "特别程序（数组），其时间不计入办理时限"),
			new ColumnDefinition("guide.visits", "到办事现场次数"),
			new ColumnDefinition("guide.visitsNote", "需到现场的原因"),
			new ColumnDefinition("guide.fees", "收费：charged、items、basis"),
			new ColumnDefinition("guide.windows", "办理地点和时间（数组）"),
			new ColumnDefinition("guide.contact", "咨询方式"),
			new ColumnDefinition("guide.complaint", "监督投诉方式"),
			new ColumnDefinition("guide.faq", "常见问题（数组）"),
			new ColumnDefinition("guide.onlineUrl", "网上办理地址"),
			new ColumnDefinition("guide.effectiveDate", "生效日期"),
			new ColumnDefinition("guide.disclosure", "公开事项标准目录中的一行，字段同 disclosure-catalog.json"));

	private JsonFields() {
	}
}
