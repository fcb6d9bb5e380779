// Preact with htm tagged templates: components are written as html`<${Component} />`, no build.
import { h, render, Fragment } from '../vendor/preact.js';
import { useState, useEffect, useCallback, useMemo, useRef } from '../vendor/hooks.js';
import htm from '../vendor/htm.js';

export const html = htm.bind(h);
export { render, Fragment, useState, useEffect, useCallback, useMemo, useRef };
