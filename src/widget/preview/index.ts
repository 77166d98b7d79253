export { readPreviewConfig, type PreviewConfig } from "./preview-config";
export { mountPreview, type PreviewHandle, type PreviewOptions } from "./mount-preview";
export { previewTranslator } from "./preview-translator";
