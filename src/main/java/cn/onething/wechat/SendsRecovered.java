package cn.onething.wechat;

import java.time.Instant;

/**
 * WeChat takes this replica's sends again after they had been failing (an outage, a quota, a broken proxy): what
 * waits out a backoff may be sent now. Told to {@link WechatListener#sendsRecovered}.
 *
 * @param failingSince   the first failure of the run
 * @param recoveredAt    the send that went through
 * @param failedAttempts sends that failed in between, on this replica
 */
public record SendsRecovered(Instant failingSince, Instant recoveredAt, long failedAttempts) {
}
