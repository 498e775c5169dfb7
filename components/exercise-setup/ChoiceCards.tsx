export interface Choice<T extends string> {
  value: T;
  label: string;
  hint: string;
}

export interface ChoiceCardsProps<T extends string> {
  id: string;
  legend: string;
  name: string;
  value: T;
  options: ReadonlyArray<Choice<T>>;
  onChange: (value: T) => void;
  description?: string;
}

/** A radio group drawn as cards, each option with its one-line explanation (arrow keys move between options). */
export function ChoiceCards<T extends string>({ id, legend, name, value, options, onChange, description }: ChoiceCardsProps<T>) {
  return (
    <fieldset className="choice-cards" id={id} aria-describedby={description ? `${id}-description` : undefined}>
      <legend>{legend}</legend>
      {description && (
        <p className="hint" id={`${id}-description`}>
          {description}
        </p>
      )}
      <div className="choice-cards-row">
        {options.map((o) => (
          <label key={o.value} className={`choice-card${o.value === value ? " choice-card-on" : ""}`}>
            <input type="radio" name={name} value={o.value} checked={o.value === value} onChange={() => onChange(o.value)} aria-describedby={`${id}-${o.value}-hint`} />
            <span className="choice-card-text">
              <strong>{o.label}</strong>
              <span className="hint" id={`${id}-${o.value}-hint`}>
                {o.hint}
              </span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
