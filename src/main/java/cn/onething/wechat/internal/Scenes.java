package cn.onething.wechat.internal;

import java.util.regex.Pattern;

/**
 * What a binding scene may look like. WeChat allows 1..64 characters in scene_str (docs/wechat.md §4.1); we also
 * keep to characters that need no escaping in URLs and XML, so a scene reads the same in every place it travels.
 */
public final class Scenes {

	private static final Pattern SCENE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

	private Scenes() {
	}

	public static boolean valid(String scene) {
		return scene != null && SCENE.matcher(scene).matches();
	}

	public static String require(String scene) {
		if (!valid(scene)) {
			throw new IllegalArgumentException("a scene is 1 to 64 of A-Z a-z 0-9 _ . : -, was " + scene);
		}
		return scene;
	}
}
