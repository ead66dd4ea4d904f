package cn.onething.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The one-minute load average, printed beside each figure: on a shared machine it says how far to trust it. */
final class MachineLoad {

	private MachineLoad() {
	}

	static String now() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (IOException | RuntimeException e) {
			return "?";
		}
	}
}
