package cn.onething.wechat.fake;

/** The safe-mode test vector of docs/wechat.md §6.3, verified there against WxJava's WxCryptUtil. */
public final class ReferenceVector {

	public static final String TOKEN = "AAAAA";
	public static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
	public static final String APP_ID = "wx0000000000000001";
	public static final String RANDOM = "aaaaaaaaaaaaaaaa";
	public static final String MESSAGE = "<xml><ToUserName><![CDATA[gh_test]]></ToUserName><FromUserName><![CDATA[oUSER]]></FromUserName>"
			+ "<CreateTime>1714037059</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[SCAN]]></Event>"
			+ "<EventKey><![CDATA[case-42]]></EventKey><Ticket><![CDATA[TICKET]]></Ticket></xml>";
	public static final String TIMESTAMP = "1714037059";
	public static final String NONCE = "486452656";
	public static final String ENCRYPT = "5I0ViYLQqCiDyNw9bygZh7UdQkcorBJgmk2YsyIduz4om9+tkoKVDsgUMzKcR8etY0dJ3Se3r7yi8B6AggIeWCnMc7yAh8Huj4PzDG/EaqGiHYaeuVmUK7pv9DNJIprw4mtLy23rbl1cm8yI/iDf7dpM13NWtYPEQ2UwmE9p1oFFVxKZ9oAtXcTXLNJUbkFm9ktO6smN48l5vsROCNkQTTV4rPIZj3iBCtPzLUG/7L1ahtrw2cvKdgRpNkJ14KXFK+hr1TwRtuTvwg3nVMB9Q87GVxs/ppWPxEnwcFgh8+jup0vtAevm6WWYgwtYoyD87aUC+fjTTfLzbrantsOeRRlDcfITj4B+WtQhcTI5Fc0zCUYExt7sxxU6POeLYBy7zoq6k3VNKUK3G2XccRacfTGISu0ajzXtpgs3mD5/5hw=";
	public static final String MSG_SIGNATURE = "19a1e92b24f551322ed8c8246f120d4055128b13";
	public static final String SIGNATURE = "899cf89e464efb63f54ddac96b0a0a235f53aa78";

	private ReferenceVector() {
	}
}
