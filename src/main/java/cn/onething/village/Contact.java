package cn.onething.village;

/** Who answers for a place's disclosure: the office, its public phone and where to find it. */
public record Contact(String office, String phone, String address) {
}
