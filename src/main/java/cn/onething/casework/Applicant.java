package cn.onething.casework;

import cn.onething.shared.PersonalData;

/** The person a case belongs to. Shown unmasked only to that person and to entitled staff. */
public record Applicant(String name, String idNumber, String phone) {

	/** As the applicant sees themselves on the progress page, which they opened with their phone's last digits. */
	public Applicant masked() {
		return new Applicant(PersonalData.maskName(name), PersonalData.maskIdNumber(idNumber), PersonalData.maskPhone(phone));
	}

	/**
	 * As staff outside the case and printed papers see them: no phone digit that, with the receipt code, opens the
	 * applicant's progress page, and no more of the ID number than its region.
	 */
	public Applicant maskedForOthers() {
		return new Applicant(PersonalData.maskName(name), PersonalData.maskIdNumberEnd(idNumber),
				PersonalData.maskPhoneEnd(phone));
	}

	/** The last four digits of the phone: what the applicant types with the receipt code to see the case. */
	public boolean phoneEndsWith(String lastFour) {
		return lastFour != null && lastFour.length() == 4 && phone.endsWith(lastFour);
	}

	@Override
	public String toString() {
		// records print their fields; never let a log line carry the unmasked values
		return "Applicant[" + PersonalData.maskName(name) + "]";
	}
}
