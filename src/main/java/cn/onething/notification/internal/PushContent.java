package cn.onething.notification.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.onething.casework.model.CaseContext;
import cn.onething.notification.NotificationProperties;

/**
 * What one push says: its kind, the status word and the lines it tells, in the order of the case's trail. A digest
 * of step news gathers several lines; every other push has one.
 */
public record PushContent(PushKind kind, String status, List<PushLine> lines) {

	/** A date and time as category templates accept them (docs/wechat.md §3.3), in Beijing time. */
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CaseContext.CHINA);

	public PushContent {
		if (lines.isEmpty()) {
			throw new IllegalArgumentException("a push tells at least one thing");
		}
		lines = lines.stream().sorted(Comparator.comparingInt(PushLine::seq)).toList();
	}

	public static PushContent of(PushKind kind, String status, PushLine line) {
		return new PushContent(kind, status, List.of(line));
	}

	/** With the lines of more news too; a line of an event already told is not told twice. */
	public PushContent joinedWith(PushContent news) {
		List<PushLine> more = new ArrayList<>(lines);
		news.lines().stream().filter(line -> !tells(line.seq())).forEach(more::add);
		return new PushContent(kind, status, more);
	}

	public boolean tells(int seq) {
		return lines.stream().anyMatch(line -> line.seq() == seq);
	}

	public int firstSeq() {
		return lines.get(0).seq();
	}

	/** The remark: the line itself, or for a digest how many there are and each in turn. */
	public String remark() {
		String joined = lines.stream().map(PushLine::text).collect(Collectors.joining("；"));
		return lines.size() == 1 ? joined : lines.size() + "项进展：" + joined;
	}

	/** When the latest of its news happened. */
	public Instant at() {
		return lines.get(lines.size() - 1).at();
	}

	/** Template key → value, in the template's order; the WeChat channel cuts and masks them once more. */
	public Map<String, String> data(NotificationProperties.Keys keys, String receiptCode, String matter) {
		Map<String, String> data = new LinkedHashMap<>();
		data.put(keys.receipt(), receiptCode);
		data.put(keys.matter(), matter);
		data.put(keys.status(), status);
		data.put(keys.time(), TIME.format(at()));
		data.put(keys.remark(), remark());
		return data;
	}
}
