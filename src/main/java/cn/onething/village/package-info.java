/**
 * Village (村/居委会) disclosure: the county's townships (乡镇) and their village and residents' committees read from
 * {@code guides/places/}, the village-level disclosure list every committee keeps, and the entries committees publish
 * under it (this quarter's accounts, masked recipients lists, 低保 publicity periods), entered by village and township
 * staff in the console and stored with who published them. A matter both a village and the county publish (低保
 * standards, 耕地地力保护补贴 amounts) is checked against the county's figures: a village publishes a different figure
 * only with a recorded override, which township and county disclosure staff see. Residents follow a committee through
 * WeChat (a scene of the existing OAuth link) and get a push when it publishes, through the notification module's
 * push path (one push row per follower and entry, sent exactly once as a case's); the pushed page opts out in one tap.
 * Village and township staff publish only for the committees their account's place covers ({@code Jurisdiction}).
 * <p>
 * Public API, in this package: {@link cn.onething.village.Villages} (places, current entries, publishing, supervision)
 * and the records it hands out. {@code placefiles} (reading guides/places/), {@code internal} (storage) and
 * {@code web} (applicant pages, the hall's screen, the console) are private. The printed notice board (公示栏) is
 * laid out by the document module, the only one that uses OpenPDF.
 */
@ApplicationModule(displayName = "Village disclosure", allowedDependencies = { "shared", "shared :: yaml", "catalog",
		"catalog :: model", "identity", "notification", "outbox", "wechat" })
package cn.onething.village;

import org.springframework.modulith.ApplicationModule;
