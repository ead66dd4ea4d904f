package cn.onething.calendar;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the holiday files of a folder ({@code guides/calendar/}: one file per region and year) and reports every
 * problem at once, so a content editor fixes them all in one go. A folder with any problem yields no calendar:
 * a wrong holiday file would silently move statutory due dates. Blocking file IO: run it off request threads.
 */
public final class HolidayFiles {

	private static final int MAX_FILE_BYTES = 1 << 20;

	/** What a folder holds: the schedules, and the problems that keep them from becoming a calendar. */
	public record Result(List<HolidaySchedule> schedules, List<CalendarProblem> problems) {

		public Result {
			schedules = List.copyOf(schedules);
			problems = List.copyOf(problems);
		}

		public boolean isValid() {
			return problems.isEmpty();
		}

		/** The calendar of these schedules; refuses when there is any problem, listing them all. */
		public WorkingDayCalendar calendar() {
			if (!isValid()) {
				throw new IllegalStateException("Holiday files have " + problems.size() + " problem(s):\n"
						+ problems.stream().map(CalendarProblem::toString).collect(Collectors.joining("\n")));
			}
			return WorkingDayCalendar.of(schedules);
		}
	}

	private HolidayFiles() {
	}

	/** The calendar of a valid folder; an {@link IllegalStateException} naming every problem otherwise. */
	public static WorkingDayCalendar load(Path folder) {
		return read(folder).calendar();
	}

	public static Result read(Path folder) {
		List<CalendarProblem> problems = new ArrayList<>();
		if (!Files.isDirectory(folder)) {
			problems.add(new CalendarProblem(display(folder), 1, "(folder)", "节假日目录不存在"));
			return new Result(List.of(), problems);
		}
		List<HolidayFileReader.ReadFile> files = new ArrayList<>();
		for (Path file : yamlFiles(folder)) {
			String path = display(file);
			root(file, path, problems)
					.flatMap(root -> HolidayFileReader.read(path, new YamlMapping(path, "", root, problems), problems))
					.ifPresent(files::add);
		}
		Map<String, HolidayFileReader.ReadFile> byRegionAndYear = new HashMap<>();
		for (HolidayFileReader.ReadFile read : files) {
			HolidaySchedule schedule = read.schedule();
			HolidayFileReader.ReadFile earlier = byRegionAndYear.putIfAbsent(schedule.region() + "/" + schedule.year(), read);
			if (earlier != null) {
				problems.add(new CalendarProblem(read.path(), read.yearLine(), "year", "地区" + schedule.region() + "的"
						+ schedule.year() + "年已在 " + earlier.path() + " 中，每个地区每年只能有一个文件"));
			}
		}
		problems.sort(Comparator.comparing(CalendarProblem::path).thenComparingInt(CalendarProblem::line));
		return new Result(files.stream().map(HolidayFileReader.ReadFile::schedule).toList(), problems);
	}

	private static List<Path> yamlFiles(Path folder) {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(Files::isRegularFile)
					.filter(f -> f.getFileName().toString().endsWith(".yaml") || f.getFileName().toString().endsWith(".yml"))
					.sorted()
					.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The YAML tree of a file with line marks; malformed YAML and unreadable files become problems. */
	private static Optional<MappingNode> root(Path file, String path, List<CalendarProblem> problems) {
		try {
			if (Files.size(file) > MAX_FILE_BYTES) {
				problems.add(new CalendarProblem(path, 1, "(file)", "文件超过1 MB"));
				return Optional.empty();
			}
			try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				Node node = new Yaml(new LoaderOptions()).compose(reader);
				if (node instanceof MappingNode mapping) {
					return Optional.of(mapping);
				}
				problems.add(new CalendarProblem(path, node == null ? 1 : YamlMapping.line(node), "(file)",
						node == null ? "文件为空" : "文件内容应为“字段: 值”的映射"));
			}
		}
		catch (MarkedYAMLException e) {
			int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
			problems.add(new CalendarProblem(path, line, "(yaml)", "YAML 格式错误：" + e.getProblem()));
		}
		catch (YAMLException e) {
			problems.add(new CalendarProblem(path, 1, "(yaml)", "YAML 格式错误：" + e.getMessage()));
		}
		catch (MalformedInputException e) {
			problems.add(new CalendarProblem(path, 1, "(file)", "文件不是 UTF-8 编码"));
		}
		catch (IOException e) {
			problems.add(new CalendarProblem(path, 1, "(file)", "无法读取文件：" + e.getMessage()));
		}
		return Optional.empty();
	}

	private static String display(Path path) {
		return path.toString().replace('\\', '/');
	}
}
