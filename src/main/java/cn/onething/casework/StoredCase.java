package cn.onething.casework;

import java.util.Map;

import cn.onething.casework.model.CaseFile;

/** A case as stored: the rules' state, who it belongs to, the form as filled in, and the guide versions filed under. */
public record StoredCase(CaseFile file, Applicant applicant, Map<String, String> form, Map<String, Integer> guideVersions,
		int revision) {
}
