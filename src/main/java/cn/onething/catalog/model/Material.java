package cn.onething.catalog.model;

/**
 * 申请材料. {@code required} is false for materials needed only in the situation {@code condition} describes.
 */
public record Material(
		String id,
		String name,
		int original,
		int copies,
		String form,
		boolean required,
		String condition,
		String source,
		String sample,
		String blankForm,
		String notes) {

	public String requirementLabel() {
		return required ? "必要" : "视情形";
	}
}
