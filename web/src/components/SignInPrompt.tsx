import { signInHref } from '../paths.ts';
import { texts } from '../texts.de.ts';

/** Shown instead of a page that needs a session, with a way back here after signing in. */
export function SignInPrompt({ path, message }: { path: string; message?: string }) {
  return (
    <section class="notice" aria-labelledby="sign-in-prompt">
      <h2 id="sign-in-prompt">{texts.prompt.heading}</h2>
      <p>{message ?? texts.prompt.text}</p>
      <p>
        <a class="button" href={signInHref(path)}>
          {texts.prompt.link}
        </a>
      </p>
    </section>
  );
}
