package cn.onething.village;

import java.util.List;
import java.util.Optional;

/**
 * One matter of the village-level disclosure list, with the columns of the standard disclosure catalogue and what
 * its published entries need.
 *
 * @param matter 事项
 * @param content 内容要素
 * @param basis 依据
 * @param timeLimit 时限
 * @param subject 主体
 * @param channels 渠道
 * @param audience 对象
 * @param mode 方式 (主动 or 依申请)
 * @param level 层级, always 村级
 * @param quarterlyDueDay for a matter published every quarter, the day of the quarter by which it must be updated;
 *        0 for a matter published when it arises
 * @param publicityDays the 公示期 an entry must run for, during which people may object; 0 if none
 * @param recipients whether entries carry a list of recipients, whose names must be masked
 * @param government the county's figures when the county publishes the same matter
 */
public record DisclosureItem(String id, String matter, String content, String basis, String timeLimit, String subject,
		List<String> channels, String audience, String mode, String level, int quarterlyDueDay, int publicityDays,
		boolean recipients, Optional<GovernmentMatter> government) {

	public DisclosureItem {
		channels = List.copyOf(channels);
	}

	public boolean quarterly() {
		return quarterlyDueDay > 0;
	}
}
