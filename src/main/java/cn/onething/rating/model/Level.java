package cn.onething.rating.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The five levels of 国办发〔2019〕51号, each with the score national platforms exchange (5 best, 1 worst). The last two
 * are bad ratings (差评), which must be checked, rectified and answered.
 */
public enum Level {

	VERY_SATISFIED("very-satisfied", 5, "非常满意"),
	SATISFIED("satisfied", 4, "满意"),
	BASICALLY_SATISFIED("basically-satisfied", 3, "基本满意"),
	DISSATISFIED("dissatisfied", 2, "不满意"),
	VERY_DISSATISFIED("very-dissatisfied", 1, "非常不满意");

	private final String code;
	private final int score;
	private final String label;

	Level(String code, int score, String label) {
		this.code = code;
		this.score = score;
		this.label = label;
	}

	public String code() {
		return code;
	}

	public int score() {
		return score;
	}

	public String label() {
		return label;
	}

	/** 差评: 不满意 and 非常不满意. */
	public boolean bad() {
		return score <= 2;
	}

	/** Counted as satisfied in the satisfaction rate: 非常满意, 满意 and 基本满意. */
	public boolean satisfied() {
		return !bad();
	}

	public static Optional<Level> ofCode(String code) {
		return Arrays.stream(values()).filter(level -> level.code.equals(code)).findFirst();
	}

	public static Level ofScore(int score) {
		return Arrays.stream(values()).filter(level -> level.score == score).findFirst()
				.orElseThrow(() -> new IllegalArgumentException("no level with score " + score));
	}
}
