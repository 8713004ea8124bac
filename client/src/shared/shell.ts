import type { Component, InjectionKey } from 'vue';

/**
 * The shell's header, provided by main.ts: it links to every feature (inbox count, bell, setup),
 * so a page that imported it would import its own importers. Pages place it with ShellHeader.
 */
export const SHELL_HEADER: InjectionKey<Component> = Symbol('shell header');
