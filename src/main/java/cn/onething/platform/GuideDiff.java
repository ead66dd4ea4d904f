package cn.onething.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.onething.catalog.model.Guide;
import cn.onething.catalog.model.Material;

/**
 * What changed in one guide, field by field, in the words of the printed guide (办事指南 elements and the disclosure
 * attributes), so a reviewer reads it without knowing our model.
 */
public final class GuideDiff {

	/** One element of the guide whose text changed. */
	public record FieldChange(String field, String before, String after) {
	}

	private static final Map<String, Function<Guide, String>> ELEMENTS = elements();

	private GuideDiff() {
	}

	public static List<FieldChange> between(Guide before, Guide after) {
		List<FieldChange> changes = new ArrayList<>();
		ELEMENTS.forEach((field, text) -> {
			String was = text.apply(before);
			String is = text.apply(after);
			if (!Objects.equals(was, is)) {
				changes.add(new FieldChange(field, was, is));
			}
		});
		return changes;
	}

	/** The element's text, for a reviewer: e.g. 常见问题 of a guide. */
	public static String text(String field, Guide guide) {
		return ELEMENTS.get(field).apply(guide);
	}

	private static Map<String, Function<Guide, String>> elements() {
		Map<String, Function<Guide, String>> elements = new java.util.LinkedHashMap<>();
		elements.put("事项名称", Guide::name);
		elements.put("别名", g -> String.join("、", g.aliases()));
		elements.put("事项类型", g -> g.type().label());
		elements.put("所属领域", Guide::domainId);
		elements.put("实施主体", g -> g.department().name() + "（" + g.department().code() + "）");
		elements.put("服务对象", g -> String.join("、", g.serviceObjects()));
		elements.put("行使层级", g -> g.useLevel() == 4 ? "县级" : g.useLevel() == 5 ? "乡镇级" : String.valueOf(g.useLevel()));
		elements.put("设定依据", g -> joined(g.legalBasis(), b -> "《" + b.law() + "》" + Objects.toString(b.article(), "")));
		elements.put("受理条件", Guide::conditions);
		elements.put("申请材料", g -> joined(g.materials(), GuideDiff::material));
		elements.put("办理流程", g -> joined(g.process(), Guide.ProcessStep::name));
		elements.put("法定时限", g -> g.timeLimit().statutory() + "个工作日");
		elements.put("承诺时限", g -> g.timeLimit().committed() + "个工作日");
		elements.put("办件类型", g -> g.timeLimit().kind());
		elements.put("特别程序", g -> joined(g.specialProcedures(), s -> s.name() + "（" + s.limit() + "个工作日）"));
		elements.put("到办事现场次数", g -> g.visits() + "次");
		elements.put("是否收费", g -> g.fees().charged() ? "收费" : "不收费");
		elements.put("办理地点和时间", g -> joined(g.windows(), w -> w.name() + "，" + w.address() + "，" + w.hours() + "，" + w.phone()));
		elements.put("咨询方式", Guide::contact);
		elements.put("监督投诉方式", Guide::complaint);
		elements.put("常见问题", g -> joined(g.faq(), Guide.Faq::q));
		elements.put("网上办理地址", Guide::onlineUrl);
		elements.put("生效日期", g -> String.valueOf(g.effectiveDate()));
		elements.put("公开事项（一级）", g -> g.disclosure().firstLevel());
		elements.put("公开事项（二级）", g -> g.disclosure().secondLevel());
		elements.put("公开内容", g -> g.disclosure().content());
		elements.put("公开依据", g -> g.disclosure().basis());
		elements.put("公开时限", g -> g.disclosure().timeLimit());
		elements.put("公开主体", g -> g.disclosure().subject());
		elements.put("公开渠道和载体", g -> String.join("、", g.disclosure().channels()));
		elements.put("公开对象", g -> g.disclosure().audience());
		elements.put("公开方式", g -> g.disclosure().mode());
		elements.put("公开层级", g -> g.disclosure().level());
		return java.util.Collections.unmodifiableMap(elements);
	}

	private static String material(Material m) {
		return m.name() + "（原件" + m.original() + "份，复印件" + m.copies() + "份，" + m.form() + "，" + m.requirementLabel() + "）";
	}

	private static <T> String joined(List<T> values, Function<T, String> text) {
		return values.stream().map(text).collect(Collectors.joining("；"));
	}
}
