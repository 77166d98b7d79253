/** A problem with a control, linked to it by `id` (aria-describedby); the icon is not read out. */
export function ErrorText({ id, text }: { id?: string | undefined; text: string }) {
  return (
    <p class="cb-error" id={id} part="error">
      <span class="cb-error__icon" aria-hidden="true">
        !
      </span>
      {text}
    </p>
  );
}
