package cn.onething.casework;

import cn.onething.shared.PersonalData;

/** The person a case belongs to. Shown unmasked only to that person and to entitled staff. */
public record Applicant(String name, String idNumber, String phone) {

	public Applicant masked() {
		return new Applicant(PersonalData.maskName(name), PersonalData.maskIdNumber(idNumber), PersonalData.maskPhone(phone));
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
