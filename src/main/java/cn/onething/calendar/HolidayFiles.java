package cn.onething.calendar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.onething.shared.yaml.Problem;
import cn.onething.shared.yaml.Problems;
import cn.onething.shared.yaml.YamlFiles;

/**
 * Reads the holiday files of a folder ({@code guides/calendar/}: one file per region and year) and reports every
 * problem at once, so a content editor fixes them all in one go. A folder with any problem yields no calendar:
 * a wrong holiday file would silently move statutory due dates. Blocking file IO: run it off request threads.
 */
public final class HolidayFiles {

	/** What a folder holds: the schedules, and the problems that keep them from becoming a calendar. */
	public record Result(List<HolidaySchedule> schedules, List<Problem> problems) {

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
						+ problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
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
		Problems problems = new Problems();
		if (!Files.isDirectory(folder)) {
			problems.add(display(folder), 1, "(folder)", "节假日目录不存在");
			return new Result(List.of(), problems.sorted());
		}
		List<HolidayFileReader.ReadFile> files = new ArrayList<>();
		for (Path file : yamlFiles(folder)) {
			String path = display(file);
			// Each file's own problems decide whether it yields a schedule; the folder reports them all.
			Problems fileProblems = new Problems();
			YamlFiles.fileMapping(file, path, fileProblems)
					.flatMap(root -> HolidayFileReader.read(path, root, fileProblems))
					.ifPresent(files::add);
			problems.addAll(fileProblems);
		}
		Map<String, HolidayFileReader.ReadFile> byRegionAndYear = new HashMap<>();
		for (HolidayFileReader.ReadFile read : files) {
			HolidaySchedule schedule = read.schedule();
			HolidayFileReader.ReadFile earlier = byRegionAndYear.putIfAbsent(schedule.region() + "/" + schedule.year(), read);
			if (earlier != null) {
				problems.add(read.path(), read.yearLine(), "year", "地区" + schedule.region() + "的" + schedule.year()
						+ "年已在 " + earlier.path() + " 中，每个地区每年只能有一个文件");
			}
		}
		return new Result(files.stream().map(HolidayFileReader.ReadFile::schedule).toList(), problems.sorted());
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

	private static String display(Path path) {
		return path.toString().replace('\\', '/');
	}
}
